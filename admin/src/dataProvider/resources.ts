// Which GraphQL type and root list field stand behind each react-admin resource, and what to select.
// Lists select what their tables show; one record (show, edit, mutation results) selects everything
// its page shows, so a page needs a single request.

export interface ResourceDefinition {
  /** The GraphQL object type; its mutations are `create<Type>` and `update<Type>`. */
  type: string;
  /** The root connection field of its lists. */
  list: string;
  /** Selection of a list row (also used by getMany). */
  listFields: string;
  /** Selection of one record; the list selection when absent. */
  oneFields?: string;
}

const unitRef = 'id name';
const personRef = 'id fullName';

const accountRef = 'id displayName';

const taskRow = `id title status timeliness priority progress deadline daysToDeadline version submittedAt
  leadUnit { ${unitRef} } responsibleHead { ${personRef} } objective { id code }`;

const evidenceRow = `id title kind documentNumber documentDate issuer url fileName fileSize mimeType downloadUrl
  reviewStatus reviewNote reviewedAt submittedAt version
  submittedBy { ${accountRef} } reviewedBy { ${accountRef} }`;

const extensionRow = `id status reason previousDeadline requestedDeadline requestedAt decidedAt decisionNote
  requestedBy { ${accountRef} } decidedBy { ${accountRef} }`;

/** The task an evidence or extension request belongs to, as a queue row shows it. */
const taskRef = `task { id title status deadline leadUnit { ${unitRef} } }`;

const headshipRow = `id title startDate endDate acting current unit { ${unitRef} } person { ${personRef} }`;

const objectiveRow = `id code title sortOrder taskCount
  reformArea { id name nameEn } resolution { id code }`;

const targetRow = `id code indicator comparator targetValue measure targetYear metric sector status
  objective { id code title } unit { ${unitRef} }`;

const accountRow = `id username displayName role disabled lastLoginAt allowedActions
  unit { ${unitRef} } person { ${personRef} }`;

const auditEntryRow = `id at action operation entity entityId record changes note actor { ${accountRef} }`;

const indexResultRow = `id year publishedPercent publishedRank publishedOf publishedOn percent totalPoints
  rank rankOf computedRank percentDelta
  illustrative unit { ${unitRef} } framework { id name level }`;

const planRow = `id year status targetPercent flagged version allowedActions unit { ${unitRef} }
  comparison { lastPercent }`;

/** A node's points as the result page's tree shows them, with the change from the previous year. */
const indexNodeRow = `code name maxPoints points percent pointsLost previousPoints delta
  node { id depth method }`;

const satisfactionResultRow = `id year sector element satisfactionPercent perceptionPercent expectationPercent
  respondents targetValue meetsTarget illustrative unit { ${unitRef} } target { id code }`;

export const resources: Record<string, ResourceDefinition> = {
  tasks: {
    type: 'Task',
    list: 'tasks',
    listFields: taskRow,
    // The newest 100 entries of the timeline: a long history loses its oldest, not its latest.
    oneFields: `${taskRow} description startDate originalDeadline completedOn evidenceCount illustrative
      allowedActions statusReason createdAt updatedAt
      supportingUnits { ${unitRef} }
      objective { id code title reformArea { id name nameEn } resolution { id code } }
      evidence { ${evidenceRow} allowedActions }
      extensionRequests { ${extensionRow} allowedActions }
      timeline(last: 100) {
        totalCount
        nodes { id type at actor { ${accountRef} } fromStatus toStatus changes note }
      }`,
  },
  // Read-only lists behind the review queue; their changes are workflow calls (workflow.ts).
  deadlineExtensions: {
    type: 'DeadlineExtension',
    list: 'deadlineExtensions',
    listFields: `${extensionRow} ${taskRef}`,
  },
  evidence: {
    type: 'Evidence',
    list: 'evidence',
    listFields: `${evidenceRow} ${taskRef}`,
  },
  units: {
    type: 'Unit',
    list: 'units',
    listFields: `id code name kind active sortOrder dissolvedOn
      parent { ${unitRef} } currentHead { ${personRef} }`,
    oneFields: `id code name kind active sortOrder address phone email establishedOn dissolvedOn
      createdAt updatedAt
      parent { ${unitRef} } successor { ${unitRef} } predecessors { ${unitRef} } children { ${unitRef} }
      currentHead { ${personRef} }
      headships { id title startDate endDate acting current person { ${personRef} } }`,
  },
  objectives: {
    type: 'Objective',
    list: 'objectives',
    listFields: objectiveRow,
    oneFields: `${objectiveRow} description createdAt updatedAt
      targets { id code indicator comparator targetValue measure targetYear }`,
  },
  targets: {
    type: 'Target',
    list: 'targets',
    listFields: targetRow,
    oneFields: `${targetRow} baselineValue baselineYear source createdAt updatedAt statusReason
      years { id year plannedValue actualValue note illustrative }
      progress { year plannedValue actualValue status final }
      projection { method slope intercept projectedValue years }`,
  },
  resolutions: {
    type: 'Resolution',
    list: 'resolutions',
    listFields: 'id code title issuedBy issuedOn horizonYear orientationYear',
    oneFields: `id code title issuedBy issuedOn horizonYear orientationYear summary createdAt updatedAt
      objectives { id code title }`,
  },
  reformAreas: {
    type: 'ReformArea',
    list: 'reformAreas',
    listFields: 'id code name nameEn sortOrder',
    oneFields: 'id code name nameEn sortOrder objectives { id code title }',
  },
  people: {
    type: 'Person',
    list: 'people',
    listFields: 'id fullName email phone illustrative',
    oneFields: `id fullName email phone illustrative createdAt updatedAt
      headships { id title startDate endDate acting current unit { ${unitRef} } }`,
  },
  headships: {
    type: 'Headship',
    list: 'headships',
    listFields: headshipRow,
    oneFields: `${headshipRow} createdAt updatedAt`,
  },
  // The secretariat's accounts; passwords are set through resetPassword (workflow.ts), never read.
  accounts: {
    type: 'Account',
    list: 'accounts',
    listFields: accountRow,
    oneFields: `${accountRow} passwordChangedAt createdAt`,
  },
  // The audit log: read-only, the API has no mutation for it.
  auditEntries: {
    type: 'AuditEntry',
    list: 'auditEntries',
    listFields: auditEntryRow,
  },
  indexResults: {
    type: 'IndexResult',
    list: 'indexResults',
    listFields: indexResultRow,
    oneFields: `${indexResultRow} source createdAt updatedAt
      previous { id year percent publishedPercent }
      nodes(depth: 3) { ${indexNodeRow} }`,
  },
  // Satisfaction surveys (SIPAS): read-only, loaded with the demo data or by the secretariat's tools.
  satisfactionResults: {
    type: 'SatisfactionResult',
    list: 'satisfactionResults',
    listFields: satisfactionResultRow,
  },
  // Improvement plans: drafted and changed through their own form and workflow calls (workflow.ts),
  // which name the version read; one record carries its checks and the comparison by field.
  improvementPlans: {
    type: 'ImprovementPlan',
    list: 'improvementPlans',
    listFields: planRow,
    oneFields: `${planRow} analysis reviewNote approvedAt illustrative createdAt updatedAt
      unit { kind }
      approvedBy { ${accountRef} }
      baseline { id year percent publishedPercent framework { id year level } }
      checks { code message node { id code name } }
      comparison {
        targetPercent actualPercent met
        fields { code name maxPoints lastPoints targetPoints actualPoints met node { id } }
      }
      targets { id targetPoints node { id code name depth maxPoints } }
      actions { id title description sortOrder node { id code name } tasks { id title status } }`,
  },
};

export function resourceDefinition(resource: string): ResourceDefinition {
  const definition = resources[resource];
  if (!definition) throw new Error(`Unknown resource "${resource}"`);
  return definition;
}
