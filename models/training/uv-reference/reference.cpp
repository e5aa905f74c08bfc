// Reference UV-Net grids (SPEC.md a.5) with native OCCT, the way occwl computes them for BRepNet:
// BRepTools::UVBounds, GeomLProp_SLProps normals (tolerance 1e-9), BRepTopAdaptor_FClass2d(face,
// 1e-9) for the mask, 100-point arc-length sampling for coedges. A check of src/analysis/ml/
// uv-grids.ts, which has to do without FClass2d (absent from the WASM engine build). Not used by
// the pipeline or CI.
//
//   apt-get install -y libocct-data-exchange-dev libocct-modeling-algorithms-dev
//   g++ -O1 -std=c++17 -I/usr/include/opencascade models/training/uv-reference/reference.cpp \
//     -o /tmp/uv-reference -lTKSTEP -lTKSTEPBase -lTKSTEPAttr -lTKSTEP209 -lTKXSBase -lTKTopAlgo \
//     -lTKGeomAlgo -lTKBRep -lTKGeomBase -lTKG3d -lTKG2d -lTKMath -lTKernel
//   npx tsx models/training/uv-reference/compare.ts /tmp/uv-reference part.step...
//
// Output (stdout): {"faces", "coedges", "Gf", "Gc"} in millimetres (no unit-box scaling), faces in
// TopExp order and coedges in our order (faces, their wires, TopExp_Explorer(wire, EDGE)).
#include <BRepAdaptor_Curve.hxx>
#include <BRepAdaptor_Curve2d.hxx>
#include <BRepTools.hxx>
#include <BRepTopAdaptor_FClass2d.hxx>
#include <BRep_Tool.hxx>
#include <GeomLProp_SLProps.hxx>
#include <Geom_Surface.hxx>
#include <STEPControl_Reader.hxx>
#include <TopExp.hxx>
#include <TopExp_Explorer.hxx>
#include <TopTools_IndexedDataMapOfShapeListOfShape.hxx>
#include <TopTools_IndexedMapOfShape.hxx>
#include <TopTools_ListOfShape.hxx>
#include <TopoDS.hxx>
#include <TopoDS_Edge.hxx>
#include <TopoDS_Face.hxx>
#include <gp_Pnt2d.hxx>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

static void normalAt(const Handle(Geom_Surface) & s, double u, double v, bool rev, double* n) {
  GeomLProp_SLProps props(s, u, v, 1, 1e-9);
  if (!props.IsNormalDefined()) { n[0] = n[1] = n[2] = 0; return; }
  gp_Dir d = props.Normal();
  double k = rev ? -1 : 1;
  n[0] = d.X() * k; n[1] = d.Y() * k; n[2] = d.Z() * k;
}

int main(int argc, char** argv) {
  STEPControl_Reader reader;
  if (reader.ReadFile(argv[1]) != IFSelect_RetDone) return 1;
  reader.TransferRoots();
  TopoDS_Shape shape = reader.OneShape();
  TopTools_IndexedMapOfShape faces;
  TopExp::MapShapes(shape, TopAbs_FACE, faces);
  TopTools_IndexedDataMapOfShapeListOfShape edgeFaces;
  TopExp::MapShapesAndAncestors(shape, TopAbs_EDGE, TopAbs_FACE, edgeFaces);
  const int N = 10;
  std::vector<double> gf(faces.Extent() * 7 * N * N, 0.0);
  std::vector<double> gc;
  for (int f = 1; f <= faces.Extent(); f++) {
    TopoDS_Face face = TopoDS::Face(faces(f));
    bool rev = face.Orientation() == TopAbs_REVERSED;
    double umin, umax, vmin, vmax;
    BRepTools::UVBounds(face, umin, umax, vmin, vmax);
    Handle(Geom_Surface) surf = BRep_Tool::Surface(face);
    BRepTopAdaptor_FClass2d cls(face, 1e-9);
    double* out = &gf[(f - 1) * 700];
    for (int i = 0; i < N; i++) {
      double u = umin + (umax - umin) * i / (N - 1);
      int row = rev ? N - 1 - i : i;
      for (int j = 0; j < N; j++) {
        double v = vmin + (vmax - vmin) * j / (N - 1);
        gp_Pnt p = surf->Value(u, v);
        double n[3];
        normalAt(surf, u, v, rev, n);
        int at = row * N + j;
        out[at] = p.X(); out[at + 100] = p.Y(); out[at + 200] = p.Z();
        out[at + 300] = n[0]; out[at + 400] = n[1]; out[at + 500] = n[2];
        out[at + 600] = cls.Perform(gp_Pnt2d(u, v)) == TopAbs_IN ? 1 : 0;
      }
    }
    // Coedges in our order: the face's wires, the edges of each wire.
    for (TopExp_Explorer w(face, TopAbs_WIRE); w.More(); w.Next()) {
      for (TopExp_Explorer e(w.Current(), TopAbs_EDGE); e.More(); e.Next()) {
        TopoDS_Edge edge = TopoDS::Edge(e.Current());
        bool crev = edge.Orientation() == TopAbs_REVERSED;
        std::vector<double> g(120, 0.0);
        if (!BRep_Tool::Degenerated(edge)) {
          BRepAdaptor_Curve curve(edge);
          double first = curve.FirstParameter(), last = curve.LastParameter();
          const int M = 100;
          std::vector<double> params(M), lengths(M, 0.0);
          gp_Pnt prev;
          for (int m = 0; m < M; m++) {
            params[m] = first + (last - first) * m / (M - 1);
            gp_Pnt q = curve.Value(params[m]);
            if (m > 0) lengths[m] = lengths[m - 1] + q.Distance(prev);
            prev = q;
          }
          double total = lengths[M - 1];
          std::vector<double> ts(N);
          int m = 0;
          for (int k = 0; k < N; k++) {
            double target = total * k / (N - 1);
            while (m < M - 2 && lengths[m + 1] < target) m++;
            double span = lengths[m + 1] - lengths[m];
            double a = span > 0 ? std::fmin(1.0, std::fmax(0.0, (target - lengths[m]) / span)) : 0;
            ts[k] = params[m] + a * (params[m + 1] - params[m]);
          }
          if (crev) std::reverse(ts.begin(), ts.end());
          // Right face: the other face of the edge, or this one.
          TopoDS_Face right = face;
          const TopTools_ListOfShape& adj = edgeFaces.FindFromKey(edge);
          for (TopTools_ListOfShape::Iterator it(adj); it.More(); it.Next()) {
            if (!it.Value().IsSame(face)) { right = TopoDS::Face(faces(faces.FindIndex(it.Value()))); break; }
          }
          TopoDS_Face sides[2] = {face, right};
          for (int k = 0; k < N; k++) {
            gp_Pnt p; gp_Vec d;
            curve.D1(ts[k], p, d);
            double len = d.Magnitude();
            double s = crev ? -1 : 1;
            g[0 * N + k] = p.X(); g[1 * N + k] = p.Y(); g[2 * N + k] = p.Z();
            if (len > 0) { g[3 * N + k] = d.X() / len * s; g[4 * N + k] = d.Y() / len * s; g[5 * N + k] = d.Z() / len * s; }
            for (int side = 0; side < 2; side++) {
              BRepAdaptor_Curve2d pc(edge, sides[side]);
              gp_Pnt2d uv = pc.Value(ts[k]);
              double n[3];
              normalAt(BRep_Tool::Surface(sides[side]), uv.X(), uv.Y(), sides[side].Orientation() == TopAbs_REVERSED, n);
              for (int a = 0; a < 3; a++) g[(6 + 3 * side + a) * N + k] = n[a];
            }
          }
        }
        gc.insert(gc.end(), g.begin(), g.end());
      }
    }
  }
  printf("{\"faces\":%d,\"coedges\":%zu,\"Gf\":[", faces.Extent(), gc.size() / 120);
  for (size_t i = 0; i < gf.size(); i++) printf(i ? ",%.17g" : "%.17g", gf[i]);
  printf("],\"Gc\":[");
  for (size_t i = 0; i < gc.size(); i++) printf(i ? ",%.17g" : "%.17g", gc[i]);
  printf("]}\n");
  return 0;
}
