// How many items each plain list of the schema (one that is not a connection) holds at most, for the
// cost of a request (api/cost.ts); fields declare them with `extensions: listSize(...)`. Each is the
// most that one deployment (a district, or a province with its districts) really holds, or the API's
// own limit where that is lower; not what the database would take. A list that grows with the data
// past what one request should read takes a bound (first) and counts it when given. Should real data
// outgrow a size, the estimate is low and the response-size limit still stops the request.
import { listedErrors } from './services/index-import/report.ts';

/** Units of one level of the index, ranked together: a province's communes (Thanh Hóa had 559 in 2024). */
export const unitsOfALevel = 700;
/**
 * Units that lead tasks in one deployment: a province's departments and communes, or before July 2025
 * its districts with their agencies and communes (about 900 in the largest province).
 */
export const units = 900;
/** Direct subunits of one unit: a province's communes and departments since July 2025 (under 200). */
export const subunits = 300;
/** Units merged into or renamed as one (a commune of July 2025 joined two to five). */
export const predecessors = 20;
/** Terms of a unit's heads, or of one person as head, over the years (a term is five years). */
export const headships = 30;

/** Nodes of one framework: the methodology's trees have about 140 (8 fields, 40 criteria, 90 sub-criteria). */
export const frameworkNodes = 300;
/** Top-level fields of a framework (8 in the methodology); also the most codes a trend follows. */
export const frameworkFields = 12;
/** Children of one node of a framework (criteria of a field, sub-criteria of a criterion: under 10). */
export const nodeChildren = 30;
/** Years of one level's index, one framework a year (published yearly since 2012). */
export const indexYears = 25;
/** Index levels: DISTRICT, AGENCY, COMMUNE. */
export const indexLevels = 3;

/** Reform areas of the programme (6 since 2021). */
export const reformAreas = 20;
/** Objectives of a deployment's resolutions (the demo's resolution has 23). */
export const objectives = 200;
/** Targets of a deployment's resolutions, or of one objective (the demo has 6). */
export const targets = 100;
/** Years of one target, baseline to target year: a resolution runs five to ten years. */
export const targetYears = 15;

/** Evidence pieces of one task, resubmissions after a return included. */
export const taskEvidence = 50;
/** Deadline extension requests of one task (one open at a time). */
export const taskExtensions = 20;
/** Supporting units of one task: the input accepts at most 50. */
export const supportingUnits = 50;

/** Targets of one improvement plan: one per field and criterion it aims at (8 + 40 in the methodology). */
export const planTargets = 60;
/** Actions of one improvement plan: a few dozen. */
export const planActions = 50;
/** Tasks linked to one action: a few. */
export const actionTasks = 10;
/** Checks of one plan: one on the total, one per weakest field, one per target. */
export const planChecks = 1 + frameworkFields + planTargets;

/** Problems an import report lists (the first ones; errorCount says how many there are). */
export const importErrors = listedErrors;

/** Years the tasks' deadlines span: a few resolutions' terms (the API accepts deadlines from 1990 to 2100). */
export const deadlineYears = 30;
/** Months the tasks' deadlines span. */
export const deadlineMonths = deadlineYears * 12;
