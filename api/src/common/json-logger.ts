import { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/configuration';

/** Nest's start-up listing of every module and route: useful when debugging, noise otherwise. */
const NEST_CHATTER = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured logs: one JSON object a line on stdout, e.g. `{"level":"info","time":…,"msg":…}`. */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  log(message: unknown, context?: string): void {
    this.write(context && NEST_CHATTER.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  write(level: LogLevel, message: unknown, context?: string, trace?: string, fields?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry: Record<string, unknown> = { level, time: new Date().toISOString() };
    if (context) entry['context'] = context;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) Object.assign(entry, message);
    else entry['msg'] = message instanceof Error ? message.message : String(message);
    if (trace) entry['trace'] = trace;
    if (fields) Object.assign(entry, fields);
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
