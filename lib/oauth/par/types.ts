export type { Params } from '../http';
export type { AuthorizationRequest, ClientRecord } from '../store';
