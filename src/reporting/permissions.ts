// Who may do what with reports. A missing credential is UNAUTHENTICATED; a credential without the
// right is FORBIDDEN, naming the operation and never whether the record exists.
import type { Principal } from '../access/index.js';
import { AuthenticationError, ForbiddenError } from '../core/errors.js';

/** An authenticated caller. */
export type Actor = Extract<Principal, { kind: 'key' }>;

export type Operation =
  | 'submitProject'
  | 'updateProjectReport'
  | 'withdrawProjectReport'
  | 'acceptSubmission'
  | 'rejectSubmission'
  | 'importProjects'
  | 'submissions'
  | 'auditTrail';

/** The roles each operation admits; a reporter is further held to its entities. */
const ALLOWED: Readonly<Record<Operation, readonly Actor['role'][]>> = {
  submitProject: ['reporter'],
  importProjects: ['reporter'],
  // A reviewer corrects any report; a reporter only its entities' own.
  updateProjectReport: ['reporter', 'reviewer'],
  withdrawProjectReport: ['reporter', 'reviewer'],
  acceptSubmission: ['reviewer'],
  rejectSubmission: ['reviewer'],
  submissions: ['reporter', 'reviewer', 'admin'],
  auditTrail: ['reviewer', 'admin'],
};

/** The caller, when its role admits `operation`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function authorize(principal: Principal, operation: Operation): Actor {
  if (principal.kind === 'anonymous')
    throw new AuthenticationError(
      `${operation} needs a credential: send Authorization: Bearer <key>`,
    );
  if (!ALLOWED[operation].includes(principal.role)) throw new ForbiddenError(operation);
  return principal;
}

/** Reporters act for their entities only; reviewers and admins for all (null). */
export const entityScope = (actor: Actor): readonly string[] | null =>
  actor.role === 'reporter' ? actor.entities : null;

/** Refuses a reporter acting on an entity outside its scope (the same answer as for no record). */
export function requireEntity(actor: Actor, entity: string | null, operation: Operation): void {
  const scope = entityScope(actor);
  if (scope !== null && (entity === null || !scope.includes(entity)))
    throw new ForbiddenError(operation);
}
