import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserDto, LoginResponse } from '@lodestar/contracts';
import type { Request, Response } from 'express';
import { AllowedBeforePasswordChange, Public, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { ConfigurationService } from '../config/configuration.service';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ConfigurationService,
  ) {}

  /** Signs in: returns a bearer token and also sets it as an httpOnly, SameSite=Strict cookie. */
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const { accessToken, user, expiresAt } = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.get('cookieSecure'),
      path: '/',
      expires: expiresAt,
    });
    return { accessToken, user };
  }

  @Get('me')
  @SignedIn()
  @AllowedBeforePasswordChange()
  me(@CurrentUser() user: RequestUser): Promise<CurrentUserDto> {
    return this.auth.me(user.id);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @AllowedBeforePasswordChange()
  async logout(@CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
  }

  /** Replaces the signed-in user's password; required after an administrator's reset. */
  @Post('password')
  @HttpCode(200)
  @SignedIn()
  @AllowedBeforePasswordChange()
  changePassword(@CurrentUser() user: RequestUser, @Body() body: ChangePasswordDto): Promise<CurrentUserDto> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }
}
