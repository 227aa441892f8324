/**
 * The WebGL side of the residual dots: one round point sprite per sample, its colour interpolated in
 * the shader on the same diverging scale the legend shows (linear in RGB between the stops, as
 * MapLibre's `interpolate` draws a circle layer), with the thin dark rim the dots had as circles.
 * Buffers are uploaded once per comparison; a frame is one draw call, whatever the zoom.
 */

export interface DotStyle {
  /** Dot radius and rim width, device pixels. */
  radiusPx: number;
  rimPx: number;
}

/** RGB stops in 0…1 from the colour scale (dB → '#rrggbb'). */
export function colourStops(scale: readonly (readonly [number, string])[]): Float32Array {
  const stops = new Float32Array(scale.length * 4);
  scale.forEach(([errorDb, colour], index) => {
    stops.set(
      [
        errorDb,
        Number.parseInt(colour.slice(1, 3), 16) / 255,
        Number.parseInt(colour.slice(3, 5), 16) / 255,
        Number.parseInt(colour.slice(5, 7), 16) / 255,
      ],
      index * 4,
    );
  });
  return stops;
}

const vertexSource = (stops: number) => `#version 300 es
uniform mat4 u_matrix;
uniform float u_radius;
uniform float u_rim;
uniform vec4 u_stops[${stops}];
in vec2 a_offset;
in float a_error;
out vec3 v_colour;
out float v_inner;
void main() {
  gl_Position = u_matrix * vec4(a_offset, 0.0, 1.0);
  gl_PointSize = 2.0 * (u_radius + u_rim);
  vec3 colour = u_stops[0].yzw;
  for (int stop = 1; stop < ${stops}; stop++) {
    vec4 low = u_stops[stop - 1];
    vec4 high = u_stops[stop];
    if (a_error > low.x) colour = mix(low.yzw, high.yzw, clamp((a_error - low.x) / (high.x - low.x), 0.0, 1.0));
  }
  v_colour = colour;
  v_inner = u_radius / (u_radius + u_rim);
}`;

const fragmentSource = `#version 300 es
precision mediump float;
in vec3 v_colour;
in float v_inner;
out vec4 fragColour;
void main() {
  float radius = length(gl_PointCoord * 2.0 - 1.0);
  if (radius > 1.0) discard;
  // The rim: the dot's colour 35 % of the way to rgb(30, 30, 30), as the circles' stroke was.
  vec3 colour = radius > v_inner ? mix(v_colour, vec3(30.0 / 255.0), 0.35) : v_colour;
  fragColour = vec4(colour, 1.0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`residual dots shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

export class ResidualDotsProgram {
  private readonly program: WebGLProgram;
  private readonly vertexArray: WebGLVertexArrayObject;
  private readonly offsetBuffer: WebGLBuffer;
  private readonly errorBuffer: WebGLBuffer;
  private readonly uniforms: Record<'matrix' | 'radius' | 'rim' | 'stops', WebGLUniformLocation | null>;
  private count = 0;

  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly stops: Float32Array,
  ) {
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertexSource(stops.length / 4)));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragmentSource));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS))
      throw new Error(`residual dots program: ${gl.getProgramInfoLog(program)}`);
    this.program = program;
    this.uniforms = {
      matrix: gl.getUniformLocation(program, 'u_matrix'),
      radius: gl.getUniformLocation(program, 'u_radius'),
      rim: gl.getUniformLocation(program, 'u_rim'),
      stops: gl.getUniformLocation(program, 'u_stops'),
    };
    this.vertexArray = gl.createVertexArray()!;
    this.offsetBuffer = gl.createBuffer()!;
    this.errorBuffer = gl.createBuffer()!;
    gl.bindVertexArray(this.vertexArray);
    const offsetAttribute = gl.getAttribLocation(program, 'a_offset');
    gl.bindBuffer(gl.ARRAY_BUFFER, this.offsetBuffer);
    gl.enableVertexAttribArray(offsetAttribute);
    gl.vertexAttribPointer(offsetAttribute, 2, gl.FLOAT, false, 0, 0);
    const errorAttribute = gl.getAttribLocation(program, 'a_error');
    gl.bindBuffer(gl.ARRAY_BUFFER, this.errorBuffer);
    gl.enableVertexAttribArray(errorAttribute);
    gl.vertexAttribPointer(errorAttribute, 1, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
  }

  /** Replaces the dots (offsets x, y interleaved; one error per dot). */
  upload(offsets: Float32Array, errorsDb: Float32Array): void {
    const { gl } = this;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.offsetBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, offsets, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.errorBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, errorsDb, gl.STATIC_DRAW);
    this.count = errorsDb.length;
  }

  /** Draws the dots with `matrix` taking their offsets to clip space. */
  draw(matrix: Float32Array, style: DotStyle): void {
    if (this.count === 0) return;
    const { gl } = this;
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook.
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(this.uniforms.matrix, false, matrix);
    gl.uniform1f(this.uniforms.radius, style.radiusPx);
    gl.uniform1f(this.uniforms.rim, style.rimPx);
    gl.uniform4fv(this.uniforms.stops, this.stops);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vertexArray);
    gl.drawArrays(gl.POINTS, 0, this.count);
    gl.bindVertexArray(null);
  }

  dispose(): void {
    const { gl } = this;
    gl.deleteBuffer(this.offsetBuffer);
    gl.deleteBuffer(this.errorBuffer);
    gl.deleteVertexArray(this.vertexArray);
    gl.deleteProgram(this.program);
  }
}
