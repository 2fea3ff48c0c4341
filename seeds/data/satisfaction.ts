// Satisfaction (SIPAS) of citizens and organisations with the district's services. All figures are
// illustrative: the article gives only the targets (above 90% overall, at least 88% per sector).
// Land in 2023 misses the 88% target so that the tracker has a miss to show.
import { ServiceSector, SipasElement } from '../../generated/prisma/client.ts';
import type { UnitCode } from './units.ts';

export interface SatisfactionSeed {
  unit: UnitCode;
  year: number;
  sector: ServiceSector;
  element: SipasElement;
  satisfaction: number;
  perception?: number;
  expectation?: number;
  respondents?: number;
}

const sectorsByYear: Record<number, [ServiceSector, number, number][]> = {
  // sector, satisfaction %, respondents
  2022: [
    [ServiceSector.OVERALL, 91.25, 420],
    [ServiceSector.HEALTH, 89.4, 150],
    [ServiceSector.EDUCATION, 90.1, 150],
    [ServiceSector.LAND, 88.35, 120],
    [ServiceSector.CONSTRUCTION, 88.9, 90],
  ],
  2023: [
    [ServiceSector.OVERALL, 90.45, 430],
    [ServiceSector.HEALTH, 88.75, 150],
    [ServiceSector.EDUCATION, 89.6, 150],
    [ServiceSector.LAND, 86.9, 125],
    [ServiceSector.CONSTRUCTION, 88.2, 90],
  ],
  2024: [
    [ServiceSector.OVERALL, 91.6, 450],
    [ServiceSector.HEALTH, 89.85, 160],
    [ServiceSector.EDUCATION, 90.7, 160],
    [ServiceSector.LAND, 88.4, 130],
    [ServiceSector.CONSTRUCTION, 89.05, 95],
  ],
  2025: [
    [ServiceSector.OVERALL, 92.3, 460],
    [ServiceSector.HEALTH, 90.4, 160],
    [ServiceSector.EDUCATION, 91.15, 160],
    [ServiceSector.LAND, 88.95, 130],
    [ServiceSector.CONSTRUCTION, 89.5, 100],
  ],
};

/** The five SIPAS elements of the latest year: satisfaction, perception, expectation met. */
const elements2025: [SipasElement, number, number, number][] = [
  [SipasElement.ACCESS, 93.1, 95.2, 90.4],
  [SipasElement.PROCEDURE, 91.4, 93.6, 88.7],
  [SipasElement.CIVIL_SERVANT, 94.05, 96.1, 91.8],
  [SipasElement.RESULT, 92.7, 94.3, 90.2],
  [SipasElement.FEEDBACK, 89.25, 84.6, 86.1],
];

export const satisfactionResults: SatisfactionSeed[] = [
  ...Object.entries(sectorsByYear).flatMap(([year, rows]) =>
    rows.map(([sector, satisfaction, respondents]) => ({
      unit: 'DATEH' as const,
      year: Number(year),
      sector,
      element: SipasElement.OVERALL,
      satisfaction,
      respondents,
    })),
  ),
  ...elements2025.map(([element, satisfaction, perception, expectation]) => ({
    unit: 'DATEH' as const,
    year: 2025,
    sector: ServiceSector.OVERALL,
    element,
    satisfaction,
    perception,
    expectation,
    respondents: 460,
  })),
];
