// Expected failures of domain operations. Routes turn them into form errors (400/409/422)
// with the message as written here: a person reads it.

export class DomainError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Someone else changed the record since it was loaded (optimistic locking). */
export class ConflictError extends DomainError {
  constructor(
    message = "Someone changed this project since you opened the page. Reload to see the latest version, then try again.",
  ) {
    super(message, "form", 409);
  }
}
