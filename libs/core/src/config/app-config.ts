import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DURATION = /^(\d+)([smhd]?)$/;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the API reads from its environment. Validated once at boot so that a typo
 * stops the process with a message naming the variable instead of failing later at random.
 */
export class AppConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Unset: the API starts its own embedded PostgreSQL under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET: string;

  /** Token lifetime, as seconds or a duration like 15m, 8h, 7d. */
  @Matches(DURATION, { message: 'JWT_TTL must be a number of seconds or a duration like 15m, 8h, 7d' })
  JWT_TTL = '8h';

  @IsString()
  @MinLength(1)
  ADMIN_USERNAME = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_BASE_URL must be an absolute http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Requests to the public GET /api/verify/:code allowed per client address and minute (then 429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  VERIFY_REQUESTS_PER_MINUTE = 60;

  /** Port of the embedded PostgreSQL (only used when DATABASE_URL is unset). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Which proxies may set X-Forwarded-For: `false` (default: the peer address is the client),
   * `true`, or a comma-separated list of proxy addresses/CIDRs (e.g. `10.0.0.0/8`, `loopback`). Trusting every proxy would let any client choose its own address and so
   * escape the per-address login limit.
   */
  @Matches(/^[\w.:/, -]+$/, { message: 'TRUST_PROXY must be true, false or a comma-separated list of proxy addresses' })
  TRUST_PROXY = 'false';

  /** Failed logins allowed per account within LOGIN_FAILURE_WINDOW before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /** Failed logins allowed per client address within LOGIN_FAILURE_WINDOW (a whole office may share one). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 100;

  @Matches(DURATION, { message: 'LOGIN_FAILURE_WINDOW must be a number of seconds or a duration like 15m, 1h' })
  LOGIN_FAILURE_WINDOW = '15m';

  get jwtTtlSeconds(): number {
    return durationSeconds(this.JWT_TTL);
  }

  get loginFailureWindowSeconds(): number {
    return durationSeconds(this.LOGIN_FAILURE_WINDOW);
  }

  /** TRUST_PROXY in the form Fastify's `trustProxy` option takes. */
  get trustProxy(): boolean | string {
    if (this.TRUST_PROXY === 'true' || this.TRUST_PROXY === 'false') return this.TRUST_PROXY === 'true';
    return this.TRUST_PROXY;
  }
}

function durationSeconds(text: string): number {
  const m = DURATION.exec(text)!;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Development fallback so that `npm start` works with no .env; never used when JWT_SECRET is set. */
const DEV_JWT_SECRET = 'dev-only-secret-change-me-in-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  raw.JWT_SECRET ??= DEV_JWT_SECRET;
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => (msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`))),
    );
  }
  return config;
}
