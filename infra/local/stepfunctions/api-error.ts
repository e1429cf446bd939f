/** An error the API answers with status 400 and `{ "__type", "message" }`, as Step Functions does. */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}
