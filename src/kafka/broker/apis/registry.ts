/** Every API this broker serves, one folder each; ApiVersions advertises exactly this list. */
import { ApiRegistry } from '../api-registry.ts';
import { produceApi } from './00-produce/produce.ts';
import { fetchApi } from './01-fetch/fetch.ts';
import { listOffsetsApi } from './02-list-offsets/list-offsets.ts';
import { metadataApi } from './03-metadata/metadata.ts';
import { offsetCommitApi } from './08-offset-commit/offset-commit.ts';
import { offsetFetchApi } from './09-offset-fetch/offset-fetch.ts';
import { findCoordinatorApi } from './10-find-coordinator/find-coordinator.ts';
import { joinGroupApi } from './11-join-group/join-group.ts';
import { heartbeatApi } from './12-heartbeat/heartbeat.ts';
import { leaveGroupApi } from './13-leave-group/leave-group.ts';
import { syncGroupApi } from './14-sync-group/sync-group.ts';
import { describeGroupsApi } from './15-describe-groups/describe-groups.ts';
import { listGroupsApi } from './16-list-groups/list-groups.ts';
import { apiVersionsApi } from './18-api-versions/api-versions.ts';
import { createTopicsApi } from './19-create-topics/create-topics.ts';
import { deleteTopicsApi } from './20-delete-topics/delete-topics.ts';
import { initProducerIdApi } from './22-init-producer-id/init-producer-id.ts';

export const API_REGISTRY = new ApiRegistry([
  produceApi,
  fetchApi,
  listOffsetsApi,
  metadataApi,
  offsetCommitApi,
  offsetFetchApi,
  findCoordinatorApi,
  joinGroupApi,
  heartbeatApi,
  leaveGroupApi,
  syncGroupApi,
  describeGroupsApi,
  listGroupsApi,
  apiVersionsApi,
  createTopicsApi,
  deleteTopicsApi,
  initProducerIdApi,
]);
