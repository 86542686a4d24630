import { loadDataFile, World } from '../deps.js';

/** The server's world when `--world` is not given: every party answers after 3 s, the contact hangs up after 60 s of talk (D14, D12). */
export const DEFAULT_WORLD: World = World.parse({});

/**
 * The world from a `--world` YAML/JSON file (the scenario schema's `world:` section). A bad file throws a
 * DataFileError naming the file, the path inside it and what was expected.
 * @example loadWorld('worlds/busy.yaml').contact.outcome // 'busy'
 */
export function loadWorld(file: string): World {
  return loadDataFile(file, World);
}
