// The part of addons-linter's library API that scripts/lint-store.ts uses (README: "Linter API
// Usage"); the package ships no types.
declare module 'addons-linter' {
  interface Message {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
  }
  interface Report {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: Message[];
    warnings: Message[];
    notices: Message[];
  }
  interface Linter {
    run(): Promise<Report>;
  }
  const addonsLinter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter;
  };
  export default addonsLinter;
}
