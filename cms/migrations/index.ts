import * as migration_20261123_144018_initial from './20261123_144018_initial';

export const migrations = [
  {
    up: migration_20261123_144018_initial.up,
    down: migration_20261123_144018_initial.down,
    name: '20261123_144018_initial'
  },
];
