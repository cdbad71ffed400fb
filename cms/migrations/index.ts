import * as migration_20261123_144018_initial from './20261123_144018_initial';
import * as migration_20261123_165142_signups_volunteers_claims_itinerary from './20261123_165142_signups_volunteers_claims_itinerary';
import * as migration_20261123_170049_anonymisation_job from './20261123_170049_anonymisation_job';
import * as migration_20261123_181119_media_uploaded_by from './20261123_181119_media_uploaded_by';
import * as migration_20261202_000445_signup_queue_login_throttle from './20261202_000445_signup_queue_login_throttle';
import * as migration_20261202_030000_content_version_locale_indexes from './20261202_030000_content_version_locale_indexes';
import * as migration_20261202_030100_headline_figure_sources from './20261202_030100_headline_figure_sources';
import * as migration_20261202_030200_form_attempts from './20261202_030200_form_attempts';
import * as migration_20261202_030300_messages_feedback from './20261202_030300_messages_feedback';
import * as migration_20261202_060000_figures_indexes from './20261202_060000_figures_indexes';
import * as migration_20261202_084500_documents_version from './20261202_084500_documents_version';
import * as migration_20261202_085857_media_storage_prefix from './20261202_085857_media_storage_prefix';

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
    up: migration_20261202_000445_signup_queue_login_throttle.up,
    down: migration_20261202_000445_signup_queue_login_throttle.down,
    name: '20261202_000445_signup_queue_login_throttle',
  },
  {
    up: migration_20261202_030000_content_version_locale_indexes.up,
    down: migration_20261202_030000_content_version_locale_indexes.down,
    name: '20261202_030000_content_version_locale_indexes',
  },
  {
    up: migration_20261202_030100_headline_figure_sources.up,
    down: migration_20261202_030100_headline_figure_sources.down,
    name: '20261202_030100_headline_figure_sources',
  },
  {
    up: migration_20261202_030200_form_attempts.up,
    down: migration_20261202_030200_form_attempts.down,
    name: '20261202_030200_form_attempts',
  },
  {
    up: migration_20261202_030300_messages_feedback.up,
    down: migration_20261202_030300_messages_feedback.down,
    name: '20261202_030300_messages_feedback',
  },
  {
    up: migration_20261202_060000_figures_indexes.up,
    down: migration_20261202_060000_figures_indexes.down,
    name: '20261202_060000_figures_indexes',
  },
  {
    up: migration_20261202_084500_documents_version.up,
    down: migration_20261202_084500_documents_version.down,
    name: '20261202_084500_documents_version',
  },
  {
    up: migration_20261202_085857_media_storage_prefix.up,
    down: migration_20261202_085857_media_storage_prefix.down,
    name: '20261202_085857_media_storage_prefix'
  },
];
