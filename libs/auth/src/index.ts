export * from './access/bloc-year-access.js';
export * from './auth.module.js';
export * from './dto/user.dto.js';
export * from './users/password-hasher.js';
export * from './users/user.entity.js';
export * from './users/users.service.js';
