/* sgemm timing for Scripts/neural/blas_kernels.sh: C = A·Bᵀ, row-major, one thread, thread CPU time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cblas.h>
char* openblas_get_corename(void);
static double now(){struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t); return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  openblas_set_num_threads(1);
  int shapes[][3]={{32,1024,256},{4096,1024,128},{4096,128,256},{256,1024,4096}};
  for(int s=0;s<4;s++){int m=shapes[s][0],n=shapes[s][1],k=shapes[s][2];
  float*a=malloc(4L*m*k),*b=malloc(4L*n*k),*c=malloc(4L*m*n);
  for(long i=0;i<(long)m*k;i++)a[i]=i%7*0.1f; for(long i=0;i<(long)n*k;i++)b[i]=i%5*0.1f;
  int reps= (int)(2e9/(2.0*m*n*k)); if(reps<3)reps=3;
  double t0=now(); for(int r=0;r<reps;r++) cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasTrans,m,n,k,1,a,k,b,k,0,c,n);
  double t=now()-t0; printf("%s %dx%dx%d: %.1f GFLOP/s (cpu time)\n",openblas_get_corename(),m,n,k,2.0*m*n*k*reps/t/1e9);}
}
