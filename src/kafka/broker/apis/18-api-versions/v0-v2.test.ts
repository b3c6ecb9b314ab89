import { describe, expect, it } from 'vitest';
import {
  decodeRequestFrame,
  encodeResponseBody,
  expectFixture,
  kafkajsDecodeResponse,
  kafkajsRequest,
  readFixture,
} from '../../../../../test/support/golden.ts';
import { Reader } from '../../protocol/reader.ts';
import { readRequestHeader } from '../../protocol/request-header.ts';
import { type ApiVersionsResponse, decodeApiVersionsRequest, encodeApiVersionsResponse } from './v0-v2.ts';

const RESPONSE: ApiVersionsResponse = {
  errorCode: 0,
  apiKeys: [
    { apiKey: 0, minVersion: 0, maxVersion: 7 },
    { apiKey: 18, minVersion: 0, maxVersion: 2 },
  ],
  throttleTimeMs: 0,
};

interface KafkajsApiVersions {
  errorCode: number;
  apiVersions: { apiKey: number; minVersion: number; maxVersion: number }[];
  throttleTime: number;
}

describe('ApiVersions v0–v2 codec', () => {
  for (const version of [0, 1, 2]) {
    it(`decodes the v${version} request kafkajs sends (an empty body)`, async () => {
      const frame = await kafkajsRequest(`apiVersions/v${version}`, {});
      expectFixture(frame, new URL(`./fixtures/v${version}-request.hex`, import.meta.url));
      const { header, body } = decodeRequestFrame(frame, decodeApiVersionsRequest);
      expect(header).toEqual({ apiKey: 18, apiVersion: version, correlationId: 42, clientId: 'golden' });
      expect(body).toEqual({});
    });

    it(`encodes a v${version} response that kafkajs decodes, and back`, async () => {
      const body = encodeResponseBody((w) => encodeApiVersionsResponse(version, w, RESPONSE));
      expectFixture(body, new URL(`./fixtures/v${version}-response.hex`, import.meta.url));
      const decoded = (await kafkajsDecodeResponse(`apiVersions/v${version}`, body)) as KafkajsApiVersions;
      expect(decoded.errorCode).toBe(0);
      expect(decoded.apiVersions).toEqual(RESPONSE.apiKeys);
      if (version > 0) expect(decoded.throttleTime).toBe(0);
      const again = encodeResponseBody((w) =>
        encodeApiVersionsResponse(version, w, {
          errorCode: decoded.errorCode,
          apiKeys: decoded.apiVersions,
          throttleTimeMs: version > 0 ? decoded.throttleTime : 0,
        }),
      );
      expect(again).toEqual(body);
    });
  }

  it("reads the header of kcat's flexible v3 request (captured from kcat 1.7.1)", () => {
    const frame = readFixture(new URL('./fixtures/v3-request-kcat.hex', import.meta.url));
    const header = readRequestHeader(new Reader(frame.subarray(4)));
    expect(header).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' });
  });
});
