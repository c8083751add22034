import type { EntityManager } from 'typeorm';
import type { RosterRole } from '#app/auth';
import type { PassBase } from './entities/bloc-year.entity.js';

export interface BlocYearRules {
  quorumPercent: number;
  passPercent: number;
  passBase: PassBase;
}

export interface RosterEntry {
  organizationId: string;
  /** The name the organisation had when it joined this year's roster. */
  name: string;
  /** The organisation's name today (differs from `name` after a rename). */
  currentName: string;
  role: RosterRole;
}

/** A bloc year as other parts of the system read it: members leader first, then deputy, then in roster order. */
export interface Roster {
  blocYearId: string;
  blocId: string;
  /** The bloc's name when the year was set up. */
  blocName: string;
  year: number;
  members: RosterEntry[];
  rules: BlocYearRules;
}

/**
 * Asked before a roster's membership changes. The covenants library answers: once a bloc
 * year's covenant is open for signing or in force, who is a party to it cannot change.
 */
export abstract class RosterFreeze {
  /** Why the membership of this bloc year cannot change now, or null when it can. */
  abstract frozenReason(manager: EntityManager, blocYearId: string): Promise<string | null>;
}
