import helmet from '@fastify/helmet';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, type AppConfig, AppValidationPipe } from '#app/core';
import { AppModule } from './app.module.js';

const BODY_LIMIT = 1024 * 1024;

const NEST_LEVELS: Record<AppConfig['LOG_LEVEL'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/**
 * While the server closes, every answer also ends its connection: an idle keep-alive connection
 * (a load balancer's) would otherwise hold the shutdown until its keep-alive timeout (72 s).
 */
function closeConnectionsWhenClosing(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}

/** Builds the whole HTTP application: used by `main.ts`, the tests and the benchmarks alike. */
export async function createApp(config: AppConfig & { DATABASE_URL: string }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // Structured (JSON) request logs from Fastify's pino; bodies and headers are never logged.
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: ['req.headers.authorization'] },
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new ConsoleLogger({ logLevels: NEST_LEVELS[config.LOG_LEVEL], prefix: 'thi-dua' }),
    abortOnError: false,
    // Once shutdown begins, new requests get a 503 (and their connection closed); those in flight finish.
    return503OnClosing: true,
  });
  closeConnectionsWhenClosing(app);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  await app.register(helmet, {
    // Swagger UI needs inline scripts and styles.
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua - Khen thưởng API')
      .setDescription('Emulation blocs, covenants, progress, scoring, ballots, awards and documents')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
