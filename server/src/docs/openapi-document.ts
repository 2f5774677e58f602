/**
 * The parts of a generated OpenAPI 3.1 document that our transforms edit and our tests read.
 * @fastify/swagger types its document as a union over every OpenAPI version; this is the one
 * version it renders here (api-docs.ts asks for 3.1.0).
 */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

export interface OpenApiOperation {
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean; schema: unknown }[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
}

export interface MediaType {
  schema: unknown;
}
