import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '#app/core';
import { AccessGuard } from './access/access.guard.js';
import { BlocYearAccess } from './access/bloc-year-access.js';
import { AuthController } from './login/auth.controller.js';
import { JwtStrategy } from './login/jwt.strategy.js';
import { LocalStrategy } from './login/local.strategy.js';
import { LoginGuard } from './login/login.guard.js';
import { LoginThrottle } from './login/login-throttle.js';
import { PasswordHasher } from './users/password-hasher.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [PasswordHasher, UsersService, LocalStrategy, LoginThrottle, LoginGuard, JwtStrategy, BlocYearAccess, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [UsersService, BlocYearAccess, PasswordHasher],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.users.bootstrapAdmin();
  }
}
