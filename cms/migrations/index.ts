import * as migration_20261123_144018_initial from './20261123_144018_initial';
import * as migration_20261123_165142_signups_volunteers_claims_itinerary from './20261123_165142_signups_volunteers_claims_itinerary';
import * as migration_20261123_170049_anonymisation_job from './20261123_170049_anonymisation_job';
import * as migration_20261123_181119_media_uploaded_by from './20261123_181119_media_uploaded_by';
import * as migration_20261201_224703_signup_queue_index_reset_spacing from './20261201_224703_signup_queue_index_reset_spacing';

export const migrations = [
  {
    up: migration_20261123_144018_initial.up,
    down: migration_20261123_144018_initial.down,
    name: '20261123_144018_initial',
  },
  {
    up: migration_20261123_165142_signups_volunteers_claims_itinerary.up,
    down: migration_20261123_165142_signups_volunteers_claims_itinerary.down,
    name: '20261123_165142_signups_volunteers_claims_itinerary',
  },
  {
    up: migration_20261123_170049_anonymisation_job.up,
    down: migration_20261123_170049_anonymisation_job.down,
    name: '20261123_170049_anonymisation_job',
  },
  {
    up: migration_20261123_181119_media_uploaded_by.up,
    down: migration_20261123_181119_media_uploaded_by.down,
    name: '20261123_181119_media_uploaded_by',
  },
  {
    up: migration_20261201_224703_signup_queue_index_reset_spacing.up,
    down: migration_20261201_224703_signup_queue_index_reset_spacing.down,
    name: '20261201_224703_signup_queue_index_reset_spacing'
  },
];
