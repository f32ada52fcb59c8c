/**
 * The `minutebook` command line: a table of subcommands, each in its own module under cli/commands,
 * loaded only when used so that `minutebook parse` does not pay for the web server or the database.
 */
export type Command = {
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
};

// A computed specifier: command modules are added feature by feature.
const load = (name: string): Promise<{ command: Command }> => import(`./commands/${name}`);

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  parse: { summary: "parse one document and print its records (parse/v1)", load: () => load("parse") },
  import: { summary: "parse files or folders into the store", load: () => load("import") },
  search: { summary: "search the store", load: () => load("search") },
  db: { summary: "database maintenance: migrate, backup", load: () => load("db") },
  serve: { summary: "serve the public portal and the open-data API", load: () => load("serve") },
  demo: { summary: "generate a fictional council's documents", load: () => load("demo") },
  start: {
    summary: "generate and import the demo council if the store is empty, then serve",
    load: () => load("start"),
  },
  topics: { summary: "subjects followed across meetings", load: () => load("topics") },
  links: { summary: "compute and store cross-meeting links (rebuild)", load: () => load("links") },
  audit: { summary: "the audit trail: verify its hash chain, export it", load: () => load("audit") },
  followups: { summary: "promised follow-up actions and whether they were met", load: () => load("followups") },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    "usage: minutebook <command> [options]",
    "",
    ...Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(width)}  ${v.summary}`),
    "",
    "Run `minutebook <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`minutebook: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  let command: Command;
  try {
    ({ command } = await entry.load());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String(e).includes(`commands/${name}`)) {
      console.error(`minutebook: the "${name}" command is not available in this build`);
      return 2;
    }
    throw e;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    // Known failures carry a readable message naming the file; anything else is a bug, shown with its stack.
    const err = e as Error;
    if (err?.name === "ReadError" || err?.name === "UsageError" || err?.name === "StoreError") {
      console.error(`minutebook ${name}: ${err.message}`);
      return 1;
    }
    console.error(`minutebook ${name}: internal error: ${err?.stack ?? String(e)}`);
    return 70;
  }
}
