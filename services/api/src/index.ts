export { buildApi } from './build-api';
export { type ErrorBody, toHttpError } from './http-errors';
export {
  type AuditVerification,
  createRecordService,
  type RecordService,
  type RecordView,
  type ViewOptions,
} from './record-service';
export { hashToken, type IssuedUser, issueUser } from './users';
