import type { RosterRole } from '#app/auth';
import type { CovenantContent } from './content-hash.js';
import type { CovenantStatus } from './entities/covenant.entity.js';
import type { SignatureRole } from './entities/covenant-signature.entity.js';

export interface CovenantTargetView {
  id: string;
  number: number;
  title: string;
  description: string | null;
  movement: string | null;
  indicator: { unit: string; targetValue: number; baseline: number | null } | null;
}

export interface CovenantSignatureView {
  organizationId: string;
  /** The organisation's name when it signed. */
  organizationName: string;
  signerName: string;
  signerTitle: string;
  role: SignatureRole;
  /** The organisation's role in the bloc year's roster (null for a witness from outside it). */
  rosterRole: RosterRole | null;
  contentHash: string;
  signedAt: Date;
}

/**
 * A covenant as the API, the documents and the verification read it. Signatures come leader
 * first, then deputy, then members in roster order, then witnesses; `awaiting` lists the roster
 * members that have not signed yet.
 */
export interface CovenantView extends CovenantContent {
  status: CovenantStatus;
  version: number;
  contentHash: string | null;
  verificationCode: string | null;
  openedAt: Date | null;
  inForceAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  targets: CovenantTargetView[];
  signatures: CovenantSignatureView[];
  awaiting: { organizationId: string; name: string; role: RosterRole }[];
}
