/** HTTP errors a handler raises on purpose (bad query, unknown id); anything else is a 500 without details. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notFound = (what = "There is no such page.") => new HttpError(404, what);
export const badRequest = (why: string) => new HttpError(400, why);
