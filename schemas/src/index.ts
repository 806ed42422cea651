export * from './api';
export * from './audit-event';
export * from './channel-item';
export * from './config';
export * from './errors';
export * from './record';
export * from './role';
