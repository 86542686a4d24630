import { describe, expect, it } from 'vitest';
import type { OpenRpcDocument } from '../../src/index.js';
import { CallParamsSchema } from '../../src/protocol/params.js';
import { errorOf, testServer, TOKEN } from '../server/helpers.js';
import { openRpcValidator, validatorOf } from './ajv.js';

type Method = { name: string; params: { name: string; required: boolean; description?: string; schema: Record<string, any> }[]; result: { schema: object }; errors: { code: number; message: string; data: { mnemonic: string } }[] };

const { server, call, start } = testServer();
const viaHttp = () => {
  const reply = server.handle({ method: 'GET', url: '/openrpc.json' });
  return { reply, document: JSON.parse(String(reply.body)) as OpenRpcDocument };
};
const viaDiscover = (params?: unknown) => {
  const request = { jsonrpc: '2.0', id: 'd1', method: 'rpc.discover', ...(params === undefined ? {} : { params }) };
  return server.handleRpc(JSON.stringify(request)) as unknown as { id: string; result: OpenRpcDocument };
};
const methodsOf = (document: OpenRpcDocument) => document.methods as unknown as Method[];
const method = (name: string) => methodsOf(viaHttp().document).find((m) => m.name === name)!;
const validateOpenRpc = openRpcValidator();

describe('the OpenRPC document of the mock server', () => {
  it('GET /openrpc.json passes the official OpenRPC meta-schema', () => {
    const { reply, document } = viaHttp();
    expect(reply.status).toBe(200);
    expect(validateOpenRpc(document), JSON.stringify(validateOpenRpc.errors)).toBe(true);
    expect(document.openrpc).toMatch(/^1\.3\./);
    expect(validateOpenRpc({ ...document, methods: [{ name: 'no.params' }] })).toBe(false); // the meta-schema does check
  });

  it.each([
    ['params {}', {}],
    ['params []', []],
    ['no params', undefined],
  ])('rpc.discover (%s) answers the same document as its result, with no token and no limits metadata', (_, params) => {
    const answer = viaDiscover(params);
    expect(answer).toStrictEqual({ jsonrpc: '2.0', id: 'd1', result: viaHttp().document });
    expect(validateOpenRpc(answer.result), JSON.stringify(validateOpenRpc.errors)).toBe(true);
  });

  it('rpc.discover costs no points (only successful Call API requests are charged)', () => {
    const remaining = () => (call('list.calls', { access_token: TOKEN }) as { result: { metadata: { limits: { minute_remaining: number } } } }).result.metadata.limits.minute_remaining;
    const before = remaining();
    viaDiscover({});
    viaDiscover();
    expect(before - remaining()).toBe(1); // the second list.calls itself, nothing for rpc.discover
  });

  it('rpc.discover takes no parameters: a named one is unexpected_parameters', () => {
    expect(errorOf(viaDiscover({ verbose: true }) as never)).toMatchObject({ code: -32602, data: { mnemonic: 'unexpected_parameters', field: 'verbose', value: true } });
  });

  it('GET only: another HTTP method on /openrpc.json is 405', () => {
    expect(server.handle({ method: 'POST', url: '/openrpc.json', body: '{}' }).status).toBe(405);
  });

  it('lists the five methods', () => {
    expect(methodsOf(viaHttp().document).map((m) => m.name)).toStrictEqual(['start.employee_call', 'release.call', 'list.calls', 'login.user', 'logout.user']);
  });

  it('start.employee_call: every parameter of the checks, in their order, each with a description and a valid schema', () => {
    const params = method('start.employee_call').params;
    expect(params.map((p) => p.name)).toStrictEqual(Object.keys(CallParamsSchema.shape));
    expect(params.filter((p) => p.required).map((p) => p.name)).toStrictEqual(['access_token', 'first_call', 'virtual_phone_number', 'contact', 'employee']);
    for (const p of params) {
      expect(p.description, p.name).toMatch(/\w/);
      expect(() => validatorOf(p.schema), p.name).not.toThrow();
    }
  });

  it('start.employee_call: enums, defaults, formats and length limits come out of the zod schema', () => {
    const schema = Object.fromEntries(method('start.employee_call').params.map((p) => [p.name, p.schema]));
    expect(schema.first_call).toMatchObject({ type: 'string', enum: ['employee', 'contact'] });
    expect(schema.switch_at_once).toMatchObject({ default: false });
    expect(schema.show_virtual_phone_number).toMatchObject({ default: true });
    expect(schema.virtual_phone_usage_rule).toMatchObject({ default: 'fixed' });
    expect(schema.direction).toMatchObject({ default: 'in' });
    expect(schema.media_file_id).toMatchObject({ type: ['integer', 'null'] });
    expect(schema.virtual_phone_number).toMatchObject({ type: 'string', pattern: '^[1-9]\\d{10,14}$' });
    expect(schema.access_token).toMatchObject({ maxLength: 1024 });
    expect(schema.external_id!.anyOf[0]).toMatchObject({ type: 'string', maxLength: 1024 });
    expect(schema.dtmf_string!.anyOf[0]).toMatchObject({ type: 'string', maxLength: 1024, pattern: '^[0-9*#.]*$' });
    expect(schema.contact_message!.anyOf[0].properties).toMatchObject({ type: { enum: ['media', 'tts'] }, value: { maxLength: 4096 } });
    expect(schema.employee).toMatchObject({ required: ['id'], properties: { id: { type: 'integer' } }, additionalProperties: false });
  });

  it('every method lists the platform errors it answers with: code, exact message, data.mnemonic', () => {
    const errors = (name: string) => method(name).errors.map((e) => e.data.mnemonic);
    expect(errors('start.employee_call')).toEqual(expect.arrayContaining(['access_token_invalid', 'invalid_parameters_combination', 'tts_text_exceeded', 'contact_in_blacklist']));
    expect(errors('release.call')).toContain('call_session_not_found');
    expect(errors('login.user')).toContain('auth_error');
    expect(errors('login.user')).not.toContain('access_token_invalid');
    expect(method('start.employee_call').errors.find((e) => e.data.mnemonic === 'employee_not_found')).toStrictEqual({
      code: -32602,
      message: 'Employee with id {employee_id} not found. It is not your employee.',
      data: { mnemonic: 'employee_not_found' },
    });
  });

  it("every method's real answer fits the result schema the document gives it", () => {
    const resultOf = (name: string, response: unknown) => {
      const validate = validatorOf(method(name).result.schema);
      const result = (response as { result: unknown }).result;
      expect(validate(result), `${name}: ${JSON.stringify(validate.errors)} in ${JSON.stringify(result)}`).toBe(true);
    };
    const started = start();
    resultOf('start.employee_call', started);
    resultOf('list.calls', call('list.calls', { access_token: TOKEN }));
    resultOf('release.call', call('release.call', { access_token: TOKEN, call_session_id: started.result.data.call_session_id }));
    const login = call('login.user', { login: 'demo', password: 'demo' }) as { result: { data: { access_token: string } } };
    resultOf('login.user', login);
    resultOf('logout.user', call('logout.user', { access_token: login.result.data.access_token }));
  });
});
