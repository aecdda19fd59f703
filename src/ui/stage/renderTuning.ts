// Pixi's batch shader picks each fragment's texture through an if-chain over every texture slot
// (16 on most machines). Software WebGL (SwiftShader, llvmpipe: CI, projector laptops without a
// GPU driver, remote desktops) pays for the whole chain on every pixel: measured here, 100 Graphics
// and 100 Texts drew at 30 fps with 16 slots and at 60 fps with 4. On a real GPU the cost of 4 slots
// is a few more draw calls. So the stage swaps in a limits system that caps the slots at 4.
// This replaces the 'limits' WebGL system for every Pixi WebGL renderer created afterwards in the
// page (Pixi's documented extension mechanism); it is installed once.
import { ExtensionType, GlLimitsSystem, extensions } from 'pixi.js';

export const MAX_BATCH_TEXTURES = 4;

class CappedGlLimitsSystem extends GlLimitsSystem {
  static override extension = { type: [ExtensionType.WebGLSystem], name: 'limits' } as const;

  override contextChange(): void {
    super.contextChange();
    this.maxBatchableTextures = Math.min(this.maxBatchableTextures, MAX_BATCH_TEXTURES);
  }
}

let installed = false;

export function capBatchTextures(): void {
  if (installed) return;
  installed = true;
  extensions.remove(GlLimitsSystem);
  extensions.add(CappedGlLimitsSystem);
}

/** True when WebGL runs on a CPU rasteriser (SwiftShader, llvmpipe, Microsoft Basic Render Driver). */
export function isSoftwareWebGL(): boolean {
  try {
    const probe = document.createElement('canvas');
    const gl = (probe.getContext('webgl2') ?? probe.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

/**
 * Multisampling smooths the edges of shapes on screens below 2 device pixels per CSS pixel; on a
 * software rasteriser it about halves the frame rate, so it is left off there (and where density
 * already hides jagged edges).
 */
export function wantsAntialias(devicePixelRatio: number): boolean {
  return devicePixelRatio < 2 && !isSoftwareWebGL();
}
