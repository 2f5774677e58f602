import type { FieldProblem } from '../../../shared/model/validate.js';

/** Thrown by an action whose input is invalid; nothing was written. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly entity: string,
    readonly problems: FieldProblem[],
  ) {
    super(problems.map((problem) => `${problem.field} ${problem.message}`).join('; '));
  }
}

/** Thrown by an action on a row that does not exist locally; nothing was written. */
export class MissingRowError extends Error {
  // Not 'NotFoundError': Dexie rewraps errors named like DOMExceptions into DexieError.
  override readonly name = 'MissingRowError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`no ${entity} with id ${id}`);
  }
}
