/** A start-up failure a person can fix: its message is one sentence saying what to do. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
