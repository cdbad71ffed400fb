/** Readable, prefixed log lines for the start, build and test scripts. */
const colours = { mulin: '\x1b[35m', cms: '\x1b[36m', site: '\x1b[32m', error: '\x1b[31m' } as const
const reset = '\x1b[0m'
const useColour = process.stdout.isTTY && !process.env.NO_COLOR

export type Source = keyof typeof colours

export function say(line: string, source: Source = 'mulin'): void {
  const tag = `[${source}]`.padEnd(7)
  console.log(useColour ? `${colours[source]}${tag}${reset} ${line}` : `${tag} ${line}`)
}

export function fail(line: string): never {
  say(line, 'error')
  process.exit(1)
}
