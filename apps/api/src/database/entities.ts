import { AuditLogEntry, RateLimitCounter } from '#app/core';
import { User } from '#app/auth';
import { Bloc, BlocYear, RosterMember } from '#app/blocs';
import { Ballot, BallotCandidate, BallotChoice, BallotElector, BallotVoter, CriteriaSet, Criterion, ScoreEntry, ScoreSheet } from '#app/evaluation';
import { Organization } from '#app/organizations';

/** Every entity of the application: the Nest module, the migration CLI and the tests share this list. */
export const ENTITIES = [AuditLogEntry, Organization, RateLimitCounter, User, Bloc, BlocYear, RosterMember, CriteriaSet, Criterion, ScoreSheet, ScoreEntry, Ballot, BallotCandidate, BallotElector, BallotVoter, BallotChoice];
