import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { type AuthUser, CurrentUser, Public } from '#app/core';
import { LoginDto } from '../dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { LoginGuard } from './login.guard.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginGuard)
  async login(@Body() _credentials: LoginDto, @Req() request: { user: AuthUser }) {
    const user = await this.users.get(request.user.id);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return {
      accessToken,
      user: { id: user.id, username: user.username, fullName: user.fullName, role: user.role, organizationId: user.organizationId },
    };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }
}
