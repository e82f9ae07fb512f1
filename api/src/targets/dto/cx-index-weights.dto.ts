import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { DECIMAL, IsDecimalInput } from '../../common/decimal-input';

export class CxIndexWeightInputDto {
  @ApiProperty({ example: 'nps', description: 'A CX metric (not cx_index itself).' })
  @IsString()
  @IsNotEmpty({ message: 'metric must be a CX metric key such as nps' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({
    ...DECIMAL,
    example: '40',
    description: 'Percent, more than 0; the weights of a unit add up to 100.',
  })
  @IsDecimalInput()
  weight!: string | number;
}

export class SetCxIndexWeightsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'sales',
    description: 'An org unit key, or null for the company default.',
  })
  @ValidateBy({
    name: 'isUnitKeyOrNull',
    validator: {
      validate: (value: unknown) =>
        value === null || (typeof value === 'string' && value.trim() !== '' && value.length <= 100),
      defaultMessage: () => 'orgUnit must be an org unit key such as sales, or null for the company default',
    },
  })
  orgUnit!: string | null;

  @ApiProperty({ type: [CxIndexWeightInputDto] })
  @IsArray()
  @ArrayMinSize(1, {
    message:
      'weights must hold at least one CX metric; to fall back to the default, DELETE the unit’s weights',
  })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CxIndexWeightInputDto)
  weights!: CxIndexWeightInputDto[];
}

export class CxIndexWeightsQuery {
  @ApiPropertyOptional({ example: 'sales', description: 'Omitted: the company default.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'orgUnit must be an org unit key such as sales' })
  @MaxLength(100)
  orgUnit?: string;
}

export class CxIndexWeightsUnitQuery {
  @ApiProperty({
    example: 'sales',
    description: 'The unit whose own weights go; the company default cannot be removed.',
  })
  @IsString({
    message:
      'orgUnit must be an org unit key such as sales: the company default cannot be removed, only replaced',
  })
  @IsNotEmpty({
    message:
      'orgUnit must be an org unit key such as sales: the company default cannot be removed, only replaced',
  })
  @MaxLength(100)
  orgUnit!: string;
}
