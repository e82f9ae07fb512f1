import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { JsonLogger } from './common/json-logger';
import { ProblemDetailsFilter, sendProblem } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/configuration';

export const API_PREFIX = 'api/v1';

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/health') || url.startsWith('/ready');
}

/** The whole HTTP application: API under /api/v1, OpenAPI at /api/docs, the web app at /. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: JsonLogger = new JsonLogger(config.logLevel),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, databaseUrl), {
    logger,
    abortOnError: false,
    bodyParser: false,
  });
  // a full batch of 1,000 answers or measurements is a few hundred KB of JSON
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!isApiPath(req.originalUrl)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.write(res.statusCode >= 500 ? 'warn' : 'info', 'request', 'Http', undefined, {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user: (req as Request & { user?: { email: string } }).user?.email,
      });
    });
    next();
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));

  const openApi = new DocumentBuilder()
    .setTitle('Lodestar API')
    .setDescription('CX scorecards, incentive plans and recognition. Errors are application/problem+json.')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('lodestar_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  const webRoot = config.webRoot;
  const index = webRoot ? path.join(webRoot, 'index.html') : undefined;
  if (webRoot && index && fs.existsSync(index)) {
    // Static files are looked up only for web paths: an API request costs no file-system stat.
    const assets = express.static(webRoot, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
    app.use((req: Request, res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : assets(req, res, next)));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.path)) {
        res.setHeader('Cache-Control', 'no-cache');
        return res.sendFile(index);
      }
      next();
    });
  } else if (webRoot) {
    logger.warn(`No web app at ${webRoot}: run "npm run build" to serve it.`, 'Web');
  }
  // Errors raised by the Express middleware above (static files, the fallback) still get problem+json.
  const filter = new ProblemDetailsFilter(logger);
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    sendProblem(res, filter.toProblem(error, req));
  });
  return app;
}

function noCacheForHtml(res: Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
