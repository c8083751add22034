/**
 * What the renderers print: plain data, assembled by the libraries that own the records. The
 * renderers never reach a database; the same record always gives the same bytes.
 */

export type RosterRole = 'leader' | 'deputy' | 'member';
export type SignatoryRole = RosterRole | 'witness';

/** A code printed as text and as a QR pointing at the public verify endpoint. */
export interface VerificationMark {
  code: string;
  url: string;
}

export interface Indicator {
  unit: string;
  targetValue: number;
  baseline?: number | null;
}

export interface CovenantTargetLine {
  number: number;
  title: string;
  description?: string | null;
  movement?: string | null;
  indicator?: Indicator | null;
}

/** A signature block: every roster member (signed or not) and every witness who signed. */
export interface Signatory {
  organizationName: string;
  role: SignatoryRole;
  signerTitle: string | null;
  signerName: string | null;
  /** Null while the organisation has not signed: printed "chưa ký". */
  signedAt: Date | null;
}

export type CovenantStatus = 'draft' | 'signing' | 'in_force';

export interface CovenantDocument {
  id: string;
  version: number;
  /** When the content was frozen (or last edited, for a draft): the PDF's date. */
  issuedAt: Date;
  /** The bloc, printed as the issuing body. */
  issuer: string;
  parentIssuer?: string | null;
  year: number;
  title: string;
  theme: string | null;
  preamble: string | null;
  place: string | null;
  /** ISO date of the signing ceremony. */
  signingDate: string | null;
  status: CovenantStatus;
  targets: CovenantTargetLine[];
  signatories: Signatory[];
  /** SHA-256 (lowercase hex) of the canonical content, from the moment it was opened for signing. */
  contentHash: string | null;
  verification: VerificationMark | null;
}

export interface AwardCertificate {
  id: string;
  /** When the award was recorded: the PDF's date. */
  issuedAt: Date;
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH". */
  issuerTitle: string;
  /** "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh". */
  awardName: string;
  recipient: string;
  /** "Đã có thành tích xuất sắc …". */
  citation: string;
  decisionNumber: string;
  /** ISO date. */
  decisionDate: string;
  goldenBookNumber: string | null;
  place: string | null;
  signerTitle: string;
  signerName: string;
  verification: VerificationMark;
}

export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track' | 'done';

export interface ProgressLine {
  organizationName: string;
  /** Q1…Q4, H1, YEAR; null when the organisation has not reported. */
  period: string | null;
  actualValue: number | null;
  /** 0–100 where the target has an indicator. */
  percent: number | null;
  status: ProgressStatus | null;
}

export interface TargetProgress {
  number: number;
  title: string;
  unit?: string | null;
  targetValue?: number | null;
  lines: ProgressLine[];
}

export interface RankingLine {
  rank: number;
  organizationName: string;
  selfTotal: number | null;
  finalTotal: number | null;
  /** Not reviewed yet: the final total is the self score. */
  provisional?: boolean;
}

export interface BallotResultLine {
  organizationName: string;
  votes: number | null;
  percent: number | null;
  elected: boolean | null;
}

export interface BallotSummary {
  awardName: string;
  status: 'open' | 'closed';
  seats: number;
  turnout: number | null;
  quorumMet: boolean | null;
  results: BallotResultLine[];
}

export interface AwardLine {
  awardName: string;
  organizationName: string;
  decisionNumber: string;
  decisionDate: string;
  verificationCode: string;
}

export interface ReportCovenant {
  title: string;
  status: CovenantStatus;
  theme: string | null;
  targetCount: number;
  contentHash: string | null;
  verificationCode: string | null;
  signatories: Signatory[];
}

/**
 * The bloc's annual report. Each section is optional: a section that is absent (its library is not
 * part of this deployment) is left out; one that is present but empty says there is nothing yet.
 */
export interface AnnualReport {
  /** Identifies the bloc year; the same data gives the same bytes. */
  key: string;
  /** The latest change among what the report shows: the PDF's date and the date line. */
  issuedAt: Date;
  blocName: string;
  parentIssuer?: string | null;
  year: number;
  place: string | null;
  roster: { organizationName: string; role: RosterRole }[];
  covenant?: ReportCovenant | null;
  progress?: TargetProgress[];
  ranking?: RankingLine[];
  ballots?: BallotSummary[];
  awards?: AwardLine[];
}
