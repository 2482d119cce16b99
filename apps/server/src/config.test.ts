import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('should default to embedded PGlite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\/data$/) });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demoMode: 'auto', sessionTtlHours: 12 });
  });

  it('should use PostgreSQL when DATABASE_URL is set, with the encryption key it then requires', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/linedesk', ENCRYPTION_KEY: key }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/linedesk',
    });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/linedesk' })).toThrow(/ENCRYPTION_KEY: required with DATABASE_URL/);
    expect(() => loadConfig({ ENCRYPTION_KEY: 'too-short' })).toThrow(/ENCRYPTION_KEY/);
  });

  it('should stop with every bad variable named', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_MODE: 'maybe', ALLOWED_ORIGINS: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'DEMO_MODE', 'ALLOWED_ORIGINS']) expect(message).toContain(name);
    }
  });

  it('should keep allowed origins as bare origins', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example.com/path, http://b.example.com:8080' }).allowedOrigins).toEqual([
      'https://a.example.com',
      'http://b.example.com:8080',
    ]);
  });

  it('should run the job worker in-process by default, with the carrier and retry settings', () => {
    expect(loadConfig({})).toMatchObject({
      publicUrl: null,
      worker: 'in-process',
      workerConcurrency: 16,
      carrierTimeoutMs: 10_000,
      carrierPollSeconds: 30,
      jobLeaseSeconds: 60,
      jobRetryBaseMs: 1000,
      jobRetryCapMs: 60_000,
      demoCarrierGatewayUrl: 'http://127.0.0.1:4100/v1',
    });
    expect(loadConfig({ DEMO_CARRIER_GATEWAY_URL: 'http://127.0.0.1:45123/v1/' }).demoCarrierGatewayUrl).toBe('http://127.0.0.1:45123/v1');
    expect(() => loadConfig({ DEMO_CARRIER_GATEWAY_URL: 'not a url' })).toThrow(/DEMO_CARRIER_GATEWAY_URL/);
    const set = loadConfig({ PUBLIC_URL: 'https://bss.example.com/', WORKER: 'off', WORKER_CONCURRENCY: '4', JOB_RETRY_BASE_MS: '500', JOB_RETRY_CAP_MS: '5000' });
    expect(set).toMatchObject({ publicUrl: 'https://bss.example.com', worker: 'off', workerConcurrency: 4, jobRetryBaseMs: 500, jobRetryCapMs: 5000 });
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '2' })).toThrow(/JOB_LEASE_SECONDS: must be at least 3/);
    expect(loadConfig({ JOB_LEASE_SECONDS: '3' }).jobLeaseSeconds).toBe(3);
    const attempt = () => loadConfig({ PUBLIC_URL: 'ftp://x', WORKER: 'sometimes', CARRIER_TIMEOUT_MS: '0' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      for (const name of ['PUBLIC_URL', 'WORKER', 'CARRIER_TIMEOUT_MS']) expect((error as Error).message).toContain(name);
    }
  });

  it('should keep TMF callbacks off loopback unless TMF_CALLBACK_ALLOW_LOCAL says otherwise', () => {
    expect(loadConfig({}).tmfCallbackAllowLocal).toBe(false);
    expect(loadConfig({ TMF_CALLBACK_ALLOW_LOCAL: 'true' }).tmfCallbackAllowLocal).toBe(true);
    expect(loadConfig({ TMF_CALLBACK_ALLOW_LOCAL: '0' }).tmfCallbackAllowLocal).toBe(false);
    expect(() => loadConfig({ TMF_CALLBACK_ALLOW_LOCAL: 'yes' })).toThrow(/TMF_CALLBACK_ALLOW_LOCAL/);
  });
});
