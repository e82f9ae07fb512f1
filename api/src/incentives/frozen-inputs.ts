/**
 * What approval freezes in `plan_versions.frozen`: every target band the version reads (the
 * curves taken from targets, the gates' default levels, and the bands of the CX metrics behind a
 * CX index) for every quarter the version can apply to, and the CX-index weights in force. A
 * statement of an approved or published version reads these instead of the live targets, so a
 * later edit of a target cannot move anyone's pay without a new approved version.
 */
export interface FrozenBand {
  metric: string;
  /** Org unit key. */
  orgUnit: string;
  /** A quarter label, `FY2026-Q1`: the band in effect for that quarter (phased or from the year). */
  period: string;
  threshold: string;
  target: string;
  stretch: string;
}

export interface FrozenIndexWeight {
  /** Org unit key, or null for the company default. */
  orgUnit: string | null;
  metric: string;
  /** Percent. */
  weight: string;
}

export interface FrozenInputs {
  bands: FrozenBand[];
  cxIndexWeights: FrozenIndexWeight[];
}
