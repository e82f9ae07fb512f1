import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest, LoginRequest } from '@lodestar/contracts';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'hr@example.com' })
  @IsEmail({}, { message: 'email must be an e-mail address such as hr@example.com' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'lodestar-demo' })
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(1000)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @MaxLength(1000)
  currentPassword!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters long' })
  @MaxLength(200)
  newPassword!: string;
}
