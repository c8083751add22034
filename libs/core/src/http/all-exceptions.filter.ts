import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { TooManyRequestsException } from './too-many-requests.exception.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Gives every error the one shape of the API contract. Database errors that come from the
 * input (a unique key taken, a value out of range) become 4xx; anything else is logged
 * and answered with a bare 500 that leaks nothing.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (exception instanceof TooManyRequestsException) void reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: status, error: REASONS[status] ?? HttpStatus[status] ?? 'Error', message };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string }).code;
      if (code === '23505') return { statusCode: 409, error: REASONS[409], message: 'a record with the same key already exists' };
      if (code === '23503') return { statusCode: 400, error: REASONS[400], message: 'a referenced record does not exist' };
      if (code === '22P02' || code === '22003' || code === '22007' || code === '22008' || code === '22001') {
        return { statusCode: 400, error: REASONS[400], message: 'a value is malformed or out of range' };
      }
      // NUL characters: valid in JSON and JavaScript strings, refused by PostgreSQL text and jsonb.
      if (code === '22021' || code === '22P05') {
        return { statusCode: 400, error: REASONS[400], message: 'a text value contains a character that cannot be stored (NUL)' };
      }
      if (code === '40001' || code === '40P01') {
        return { statusCode: 409, error: REASONS[409], message: 'the record was changed concurrently; retry' };
      }
    }
    const fastifyStatus = (exception as { statusCode?: number }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { statusCode: fastifyStatus, error: REASONS[fastifyStatus] ?? 'Error', message: (exception as Error).message };
    }
    return { statusCode: 500, error: REASONS[500], message: 'internal error' };
  }
}
