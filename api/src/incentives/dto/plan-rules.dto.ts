import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPONENT_KEY_PATTERN,
  COMPONENT_SCOPES,
  type ComponentScope,
  type PayoutPoint,
  type PlanComponent,
  type PlanGate,
  type PlanMultiplier,
  type PlanRules,
} from '@lodestar/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DECIMAL, IsDecimalInput } from '../../common/decimal-input';

/**
 * The JSON shape of a version's rules. Decimals are strings or JSON numbers; whether they are
 * plain decimals is checked with the rules (`normalizeRules`), and whether the rules make sense
 * (weights sum to 100, curves ordered in the metric's direction, gates name components) by
 * `rulesProblems` of `@lodestar/incentives`.
 */

export const MAX_COMPONENTS = 20;
export const MAX_GATES = 20;
export const MAX_POINTS = 20;

const KEY_MESSAGE = (field: string) =>
  `${field} must start with a lower-case letter and hold only lower-case letters, digits and _ (at most 40), such as quota`;
const SCOPE_MESSAGE = (field: string) => `${field} must be one of ${COMPONENT_SCOPES.join(', ')}`;
const CURVE_SOURCES = ['POINTS', 'TARGETS'] as const;

/** Three decimals (strings or numbers): the payouts at threshold, target and stretch. */
function IsThreeDecimalInputs(): PropertyDecorator {
  return ValidateBy({
    name: 'isThreeDecimalInputs',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.length === 3 &&
        value.every((item) => typeof item === 'number' || (typeof item === 'string' && item.length <= 60)),
      defaultMessage: (args) =>
        `${args?.property ?? 'payouts'} must be three payout percentages for threshold, target and stretch, such as ["50", "100", "200"]`,
    },
  });
}

export class PayoutPointDto implements PayoutPoint {
  @ApiProperty({ ...DECIMAL, example: '100' })
  @IsDecimalInput('100')
  value!: string;

  @ApiProperty({ ...DECIMAL, example: '100', description: 'Payout in % of target.' })
  @IsDecimalInput('100')
  payout!: string;
}

/** The base of a curve: only `source` is known until it says which kind it is. */
export class CurveSpecDto {
  @ApiProperty({ enum: CURVE_SOURCES })
  @IsIn(CURVE_SOURCES, {
    message:
      'source must be POINTS (explicit points) or TARGETS (the scope unit’s threshold, target and stretch)',
  })
  source!: 'POINTS' | 'TARGETS';
}

export class PointsCurveDto extends CurveSpecDto {
  declare source: 'POINTS';

  @ApiProperty({ type: [PayoutPointDto], minItems: 1, maxItems: MAX_POINTS })
  @IsArray({ message: 'points must be a list of { value, payout }' })
  @ArrayMinSize(1, { message: 'points must hold at least one point' })
  @ArrayMaxSize(MAX_POINTS, { message: `points can hold at most ${MAX_POINTS} points` })
  @ValidateNested({ each: true })
  @Type(() => PayoutPointDto)
  points!: PayoutPointDto[];
}

export class TargetsCurveDto extends CurveSpecDto {
  declare source: 'TARGETS';

  @ApiProperty({
    type: [String],
    example: ['50', '100', '200'],
    description: 'Payouts % at threshold, target and stretch.',
  })
  @IsThreeDecimalInputs()
  payouts!: [string, string, string];
}

const CURVE_TYPE = {
  discriminator: {
    property: 'source',
    subTypes: [
      { value: PointsCurveDto, name: 'POINTS' },
      { value: TargetsCurveDto, name: 'TARGETS' },
    ],
  },
  keepDiscriminatorProperty: true,
};

export class PlanComponentDto implements Omit<PlanComponent, 'curve'> {
  @ApiProperty({ example: 'quota' })
  @IsString({ message: KEY_MESSAGE('key') })
  @Matches(COMPONENT_KEY_PATTERN, { message: KEY_MESSAGE('key') })
  key!: string;

  @ApiProperty({ example: 'Quota attainment' })
  @IsString({ message: 'label must be text' })
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(200)
  label!: string;

  @ApiProperty({ example: 'quota_attainment', description: 'A metric key; cx_index is one too.' })
  @IsString({ message: 'metric must be a metric key such as quota_attainment' })
  @IsNotEmpty({ message: 'metric must be a metric key such as quota_attainment' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ enum: COMPONENT_SCOPES })
  @IsIn(COMPONENT_SCOPES, { message: SCOPE_MESSAGE('scope') })
  scope!: ComponentScope;

  @ApiProperty({ ...DECIMAL, example: '60', description: 'Percent; a version’s weights sum to 100.' })
  @IsDecimalInput('60')
  weight!: string;

  @ApiProperty({
    description:
      'POINTS: { source, points: [{ value, payout }] }; TARGETS: { source, payouts: [threshold, target, stretch] }.',
    oneOf: [
      { $ref: '#/components/schemas/PointsCurveDto' },
      { $ref: '#/components/schemas/TargetsCurveDto' },
    ],
  })
  @IsObject({ message: 'curve must be { source: "POINTS", points } or { source: "TARGETS", payouts }' })
  @ValidateNested()
  @Type(() => CurveSpecDto, CURVE_TYPE)
  curve!: PointsCurveDto | TargetsCurveDto;

  @ApiPropertyOptional({
    ...DECIMAL,
    nullable: true,
    example: '200',
    description: 'Highest payout % of the component; null for none.',
  })
  @IsDecimalInput('200')
  cap!: string | null;
}

export class PlanGateDto implements PlanGate {
  @ApiProperty({ example: 'cx_gate' })
  @IsString({ message: KEY_MESSAGE('key') })
  @Matches(COMPONENT_KEY_PATTERN, { message: KEY_MESSAGE('key') })
  key!: string;

  @ApiProperty({ example: 'CX gate' })
  @IsString({ message: 'label must be text' })
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(200)
  label!: string;

  @ApiProperty({ example: 'cx', description: 'The key of the component whose value is tested.' })
  @IsString({ message: 'input must be the key of a component' })
  @IsNotEmpty({ message: 'input must be the key of a component' })
  @MaxLength(40)
  input!: string;

  @ApiPropertyOptional({ ...DECIMAL, nullable: true, description: 'null: the input’s threshold.' })
  @IsDecimalInput('50')
  level!: string | null;

  @ApiProperty({ type: [String], example: ['quota'] })
  @IsArray({ message: 'components must be a list of component keys' })
  @ArrayMinSize(1, { message: 'components must name at least one component the gate limits' })
  @ArrayMaxSize(MAX_COMPONENTS)
  @IsString({ each: true, message: 'components must be a list of component keys' })
  @MaxLength(40, { each: true })
  components!: string[];

  @ApiProperty({ ...DECIMAL, example: '100' })
  @IsDecimalInput('100')
  maxPayout!: string;
}

export class PlanMultiplierDto implements PlanMultiplier {
  @ApiProperty({ example: 'Company NPS multiplier' })
  @IsString({ message: 'label must be text' })
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(200)
  label!: string;

  @ApiProperty({ example: 'nps' })
  @IsString({ message: 'metric must be a metric key such as nps' })
  @IsNotEmpty({ message: 'metric must be a metric key such as nps' })
  @MaxLength(60)
  metric!: string;

  @ApiProperty({ enum: COMPONENT_SCOPES })
  @IsIn(COMPONENT_SCOPES, { message: SCOPE_MESSAGE('scope') })
  scope!: ComponentScope;

  @ApiProperty({ type: [PayoutPointDto], description: 'Value → multiplier in % (100 = ×1).' })
  @IsArray({ message: 'points must be a list of { value, payout }' })
  @ArrayMinSize(1, { message: 'points must hold at least one point' })
  @ArrayMaxSize(MAX_POINTS, { message: `points can hold at most ${MAX_POINTS} points` })
  @ValidateNested({ each: true })
  @Type(() => PayoutPointDto)
  points!: PayoutPointDto[];
}

export class PlanRulesDto implements Omit<PlanRules, 'components'> {
  @ApiProperty({ type: [PlanComponentDto], maxItems: MAX_COMPONENTS })
  @IsArray({ message: 'components must be a list' })
  @ArrayMaxSize(MAX_COMPONENTS, { message: `components can hold at most ${MAX_COMPONENTS} components` })
  @ValidateNested({ each: true })
  @Type(() => PlanComponentDto)
  components!: PlanComponentDto[];

  @ApiProperty({ type: [PlanGateDto], maxItems: MAX_GATES })
  @IsArray({ message: 'gates must be a list (it may be empty)' })
  @ArrayMaxSize(MAX_GATES, { message: `gates can hold at most ${MAX_GATES} gates` })
  @ValidateNested({ each: true })
  @Type(() => PlanGateDto)
  gates!: PlanGateDto[];

  @ApiPropertyOptional({ type: () => PlanMultiplierDto, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @ValidateNested()
  @Type(() => PlanMultiplierDto)
  multiplier!: PlanMultiplierDto | null;

  @ApiPropertyOptional({
    ...DECIMAL,
    nullable: true,
    example: '200',
    description: 'Highest total payout %; null for none.',
  })
  @IsDecimalInput('200')
  planCap!: string | null;
}
