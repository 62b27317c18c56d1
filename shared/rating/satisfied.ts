/**
 * "Hài lòng" or better: the top two levels of a scale whose levels are valued 1 … size, best highest
 * (5 Rất hài lòng and 4 Hài lòng of five; 3 Rất hài lòng and 2 Hài lòng of three). The one
 * definition behind the stored `satisfied` flag, every report's satisfied share and the alerts.
 */
export function isSatisfied(overall: number, scaleSize: number): boolean {
  return overall >= 1 && overall >= scaleSize - 1;
}
