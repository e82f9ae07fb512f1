import { Injectable } from '@nestjs/common';
import type { AppConfig } from './configuration';

/** The validated configuration, injectable. Built once in `main.ts` (or a test) and provided. */
@Injectable()
export class ConfigurationService {
  constructor(private readonly config: AppConfig) {}

  get<K extends keyof AppConfig>(key: K): AppConfig[K] {
    return this.config[key];
  }
}
