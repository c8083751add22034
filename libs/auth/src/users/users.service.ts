import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig, AuditService, type AuthUser, normalizeText, type Page, type PageQuery } from '#app/core';
import { Organization } from '#app/organizations';
import type { CreateUserDto, UpdateUserDto } from '../dto/user.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(page: PageQuery): Promise<Page<User>> {
    const [items, total] = await this.dataSource.getRepository(User).findAndCount({ order: { username: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  /**
   * The account a token names, or null when it no longer exists or was disabled. Runs on every
   * authenticated request: one plain statement, without TypeORM's query building.
   */
  async findActive(id: string): Promise<AuthUser | null> {
    const rows = (await this.dataSource.query(`SELECT id, username, role, organization_id FROM app_user WHERE id = $1 AND NOT disabled`, [id])) as {
      id: string;
      username: string;
      role: AuthUser['role'];
      organization_id: string | null;
    }[];
    return rows[0] ? { id: rows[0].id, username: rows[0].username, role: rows[0].role, organizationId: rows[0].organization_id } : null;
  }

  /** The account with its password hash, for checking a login. */
  findForLogin(username: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
  }

  async create(dto: CreateUserDto, actor: AuthUser | null): Promise<User> {
    if (dto.role === 'unit' && !dto.organizationId) throw new BadRequestException('organizationId is required for role unit');
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertOrganization(manager, dto.organizationId);
        const { id } = await manager.save(
          manager.create(User, {
            username: dto.username.toLowerCase(),
            passwordHash,
            fullName: normalizeText(dto.fullName),
            role: dto.role,
            organizationId: dto.organizationId ?? null,
          }),
        );
        const user = await manager.findOneByOrFail(User, { id });
        await this.audit.record(manager, { actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: id, after: user });
        return user;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_app_user_username') {
        throw new ConflictException(`username ${dto.username} is taken`);
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser): Promise<User> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundException(`user ${id} not found`);
      const role = dto.role ?? before.role;
      const organizationId = dto.organizationId === undefined ? before.organizationId : dto.organizationId;
      if (role === 'unit' && !organizationId) throw new BadRequestException('organizationId is required for role unit');
      await this.assertOrganization(manager, organizationId ?? undefined);
      await manager.update(User, { id }, {
        fullName: dto.fullName === undefined ? undefined : normalizeText(dto.fullName),
        role,
        organizationId,
        disabled: dto.disabled,
        passwordHash,
      });
      const after = await manager.findOneByOrFail(User, { id });
      await this.audit.record(manager, { actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  /** On first start, when no account exists, creates the admin so that someone can log in. */
  async bootstrapAdmin(): Promise<void> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return;
    const generated = !this.config.ADMIN_PASSWORD;
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    try {
      await this.create({ username: this.config.ADMIN_USERNAME, password, fullName: 'Quản trị hệ thống', role: 'admin' }, null);
    } catch (error) {
      if (error instanceof ConflictException) return; // another replica created it first
      throw error;
    }
    if (generated) {
      // Printed once, on the console only: it is not stored anywhere in clear.
      process.stdout.write(`\n  First admin account created: username "${this.config.ADMIN_USERNAME}", password "${password}"\n  Change it with PATCH /api/users/:id.\n\n`);
    } else {
      this.logger.log(`first admin account "${this.config.ADMIN_USERNAME}" created from ADMIN_PASSWORD`);
    }
  }

  private async assertOrganization(manager: EntityManager, organizationId: string | undefined): Promise<void> {
    if (organizationId && !(await manager.existsBy(Organization, { id: organizationId }))) {
      throw new BadRequestException(`organizationId ${organizationId} does not exist`);
    }
  }
}
