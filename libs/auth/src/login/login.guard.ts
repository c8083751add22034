import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppValidationPipe } from '#app/core';
import { LoginDto } from '../dto/user.dto.js';

/**
 * Guards run before pipes: the credentials are validated here first, so that a malformed body
 * is a 400 naming the field (never a 500 inside the strategy, never a counted attempt).
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = new AppValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    request.body = await this.pipe.transform(request.body, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}
