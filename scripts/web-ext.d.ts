// The part of web-ext's library API that scripts/firefox-proof.ts uses (web-ext's README, "Using
// web-ext in NodeJS code"); the package ships no types.
declare module 'web-ext' {
  interface Runner {
    exit(): Promise<void>;
  }
  const webExt: {
    cmd: {
      run(
        options: {
          sourceDir: string;
          firefox: string;
          args?: string[];
          pref?: Record<string, string | number | boolean>;
          noReload?: boolean;
          noInput?: boolean;
          startUrl?: string | string[];
        },
        opts: { shouldExitProgram: boolean },
      ): Promise<Runner>;
    };
  };
  export default webExt;
}
