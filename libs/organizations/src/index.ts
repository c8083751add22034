export * from './dto/organization.dto.js';
export * from './organization.entity.js';
export * from './organizations.module.js';
export * from './organizations.repository.js';
export * from './organizations.service.js';
