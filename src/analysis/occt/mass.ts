/**
 * Length, area and volume of a shape from OCC's global properties (GProp_GProps), the one place
 * the pattern lives. Exact geometry, never the triangulation; shared sub-shapes counted as often as
 * they occur (OCC's defaults, which every caller used). A volume counts closed shells only.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { OC } from './engine.ts';
import { withScope } from './scope.ts';

export type Measure = 'length' | 'area' | 'volume';

export function measureOf(oc: OC, shape: TopoDS_Shape, measure: Measure): number {
  return withScope((s) => {
    const props = s.track(new oc.GProp_GProps());
    if (measure === 'length') oc.BRepGProp.LinearProperties(shape, props, false, false);
    else if (measure === 'area') oc.BRepGProp.SurfaceProperties(shape, props, false, false);
    else oc.BRepGProp.VolumeProperties(shape, props, true, false, false);
    return props.Mass();
  });
}
