import type { Migration } from 'kysely';
import * as foundation from './001_foundation';
import * as directory from './002_directory';
import * as representation from './003_representation';
import * as customFields from './004_custom_fields';
import * as importMappings from './005_import_mappings';
import * as changeBatches from './006_change_batches';
import * as structure from './007_structure';
import * as meetings from './008_meetings';
import * as campaigns from './009_campaigns';
import * as policy from './010_policy';
import * as media from './011_media';
import * as resources from './012_resources';
import * as grassroots from './013_grassroots';
import * as metrics from './014_metrics';
import * as reports from './015_reports';
import * as metricIndexes from './016_metric_indexes';
import * as readIndexes from './017_read_indexes';
import * as memberSpans from './018_member_spans';
import * as rowidTies from './019_rowid_ties';

// The static, ordered list of migrations. Never rename or remove an entry: a workspace records
// the names it has run. Append new migrations at the end.
export const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_directory': directory,
  '003_representation': representation,
  '004_custom_fields': customFields,
  '005_import_mappings': importMappings,
  '006_change_batches': changeBatches,
  '007_structure': structure,
  '008_meetings': meetings,
  '009_campaigns': campaigns,
  '010_policy': policy,
  '011_media': media,
  '012_resources': resources,
  '013_grassroots': grassroots,
  '014_metrics': metrics,
  '015_reports': reports,
  '016_metric_indexes': metricIndexes,
  '017_read_indexes': readIndexes,
  '018_member_spans': memberSpans,
  '019_rowid_ties': rowidTies,
};

/** The schema version this build writes: the number of migrations it knows. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
