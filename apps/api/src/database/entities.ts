import { AuditLogEntry, RateLimitCounter } from '#app/core';
import { User } from '#app/auth';
import { Award, AwardType } from '#app/awards';
import { Bloc, BlocYear, RosterMember } from '#app/blocs';
import { Covenant, CovenantSignature, CovenantTarget } from '#app/covenants';
import { Ballot, BallotCandidate, BallotChoice, BallotElector, BallotVoter, CriteriaSet, Criterion, ScoreEntry, ScoreSheet } from '#app/evaluation';
import { Organization } from '#app/organizations';
import { ProgressEntry, ProgressReport } from '#app/progress';

/** Every entity of the application: the Nest module, the migration CLI and the tests share this list. */
export const ENTITIES = [
  AuditLogEntry,
  Organization,
  RateLimitCounter,
  User,
  Bloc,
  BlocYear,
  RosterMember,
  Covenant,
  CovenantTarget,
  CovenantSignature,
  CriteriaSet,
  Criterion,
  ScoreSheet,
  ScoreEntry,
  Ballot,
  BallotCandidate,
  BallotElector,
  BallotVoter,
  BallotChoice,
  AwardType,
  Award,
  ProgressReport,
  ProgressEntry,
];
