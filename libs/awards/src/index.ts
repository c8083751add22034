export * from './award-content.js';
export * from './awards.module.js';
export * from './awards.repository.js';
export * from './awards.service.js';
export * from './dto/award.dto.js';
export * from './entities/award-type.entity.js';
export * from './entities/award.entity.js';
export * from './verification/verified-document.js';
